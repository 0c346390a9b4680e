import { BASE_PATH, type MockPool } from '../../helpers/harness.js';

/** Volume types the volume type command tests share. */
export const GOLD = { id: 't-gold', name: 'gold', description: 'gold tier', is_public: true, extra_specs: { volume_backend_name: 'mmj2' } };
export const SECRET = { id: 't-secret', name: 'secret', description: null, is_public: false, extra_specs: {} };

export const TYPE_ID = '66666666-0000-4000-8000-000000000006';
export const PROJECT_B = 'fedcba9876543210fedcba9876543210';

/** GET of TYPE_ID: the private type 'gold' that set and unset change. */
export function stubTypeById(pool: MockPool): void {
  pool.intercept({ path: `${BASE_PATH}/types/${TYPE_ID}`, method: 'GET' }).reply(200, { volume_type: { id: TYPE_ID, name: 'gold', is_public: false } });
}
