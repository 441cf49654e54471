// conf imports ajv at load time but only uses it when given a JSON schema, which keeper-prep never
// passes (settings are clamped in src/store/settings.ts). Stubbing it keeps ~20 ms off every start.
export class Ajv2020 {
  constructor() {
    throw new Error('keeper-prep does not bundle ajv: pass no schema to conf');
  }
}
export default { default() {} };
