import type { Service } from '../schemas/common';

/** A service as people read it, on screens and in every exported file: "Security", never the stored key. */
export const SERVICE_LABEL: Record<Service, string> = { reception: 'Reception', security: 'Security', cleaning: 'Cleaning' };
