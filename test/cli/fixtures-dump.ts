/** Prints the fixtures as JSON for capture_fixtures.py, so the real client is served the very objects the tests use. */
import { NOW } from './fake.js';
import { DAVE, DAVE_ID, HOPPER, IMAGES, INFO, inspectOf, PULL_UBUNTU, SERVER_VERSION, STATS_DAVE, WEB } from './fixtures.js';

process.stdout.write(JSON.stringify({ NOW, DAVE, HOPPER, WEB, IMAGES, INFO, SERVER_VERSION, STATS_DAVE, PULL_UBUNTU, inspectDave: inspectOf(DAVE_ID).raw }));
