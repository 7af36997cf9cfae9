/**
 * Modules (issue 7): optional parts of the product a store has by its plan (plan_modules) or by the platform's
 * override (tenant_module_overrides), and that owners and admins may switch off for a STAFF member
 * (member_module_overrides). Routers of a module build their procedures with `moduleProcedure(code, permission)`.
 */
export { MODULE_CODES, isModuleCode, type ModuleCode } from './catalogue.ts';
export { assertModuleOn, storeModuleOn, modulesOfTenant, moduleRefusalSentence, switchedOffFor, type TenantModule } from './access.ts';
export { moduleProcedure } from './procedure.ts';
