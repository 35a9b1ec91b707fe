/** Running a week's check in tests and picking out one rule's findings. */
import { checkWeek, type Finding, type RotaContext, type RuleId } from '../../../../shared/domain/rota';

/** The findings of `rule` when the week containing `week` is checked. */
export const findingsOf = (ctx: RotaContext, week: string, rule: RuleId): Finding[] => checkWeek(ctx, week).filter((f) => f.rule === rule);
