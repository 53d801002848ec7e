export { renderTemplate } from '../../strategy/templates/render';
export { outputName } from '../../strategy/templates/init';
