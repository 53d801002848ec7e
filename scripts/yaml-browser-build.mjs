// esbuild plugin: bundle the `yaml` package's browser build instead of its Node build.
// Both are the same code, published by the package; the Node build reads `process.env` for
// every token and every document (its LOG_TOKENS / LOG_STREAM debug switches), which makes YAML
// parsing – most of lint's time – about a fifth slower. Tests run the Node build (via tsx).
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const yamlRoot = dirname(createRequire(import.meta.url).resolve('yaml/package.json'));

export const yamlBrowserBuild = {
  name: 'yaml-browser-build',
  setup(build) {
    build.onResolve({ filter: /^yaml$/ }, () => ({ path: join(yamlRoot, 'browser', 'index.js') }));
  },
};
