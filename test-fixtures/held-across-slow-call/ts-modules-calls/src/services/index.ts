// Barrel of the services.
export * from './billing';
export { default as notify } from './notify';
export { default as audit } from './audit';
