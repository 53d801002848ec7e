// Moved to the core (shared with the VS Code extension).
export * from '../../strategy/templates/slug';
