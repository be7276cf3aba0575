export * from './schema.js';
export { parseConfig, parseConfigText, formatConfigErrors, formatPath, type ParseResult } from './validate.js';
export { loadConfig, DEFAULT_CONFIG_PATH, CONFIG_ENV_VAR, PORT_ENV_VARS, type LoadResult } from './load.js';
export { DEMO_CONFIG, DEMO_CONFIG_INPUT } from './demo.js';
