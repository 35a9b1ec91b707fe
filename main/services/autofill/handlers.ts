import type { Handlers } from '../types';
import { applyAutofill, autofillStatus, buildFromCover, startAutofill, stopAutofill, warmAutofill } from './jobs';

type AutofillChannel =
  | 'rota:build-from-cover'
  | 'rota:autofill-warm'
  | 'rota:autofill-start'
  | 'rota:autofill-status'
  | 'rota:autofill-stop'
  | 'rota:autofill-apply';

export const autofillHandlers: Pick<Handlers, AutofillChannel> = {
  'rota:build-from-cover': (req, call) => buildFromCover(call, req),
  'rota:autofill-warm': (_req, call) => warmAutofill(call),
  'rota:autofill-start': (req, call) => startAutofill(call, req),
  'rota:autofill-status': (req, call) => autofillStatus(call, req.jobId),
  'rota:autofill-stop': (req, call) => stopAutofill(call, req.jobId),
  'rota:autofill-apply': (req, call) => applyAutofill(call, req.jobId),
};
