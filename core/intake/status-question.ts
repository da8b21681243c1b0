import { isShortReply } from './phrases.ts';

/**
 * "When will the engineer come?", "any update on my ticket?", "有人吗", "进度怎么样了", "幾時嚟":
 * a customer waiting on a ticket asking after it, in a short message with no problem told. Read
 * before triage, so the wait is not taken for a new report (and no second ticket is started).
 */
const STATUS_QUESTION = new RegExp(
  [
    String.raw`\b(?:any|an)\s+(?:news|update|updates)\b`,
    String.raw`\bupdate on (?:my|the)\b`,
    String.raw`\bstatus of (?:my|the)\b`,
    String.raw`\bwhen (?:will|is|does|can|do) (?:the |an |your |my |a )?(?:engineer|technician|tech|repairman|someone|somebody|anyone|you)\b`,
    String.raw`\b(?:is )?(?:any|some)(?:one|body) (?:there|here|coming|reading)\b`,
    String.raw`\b(?:any|some)(?:one|body)\s*\?`,
    String.raw`\b(?:i'?m|i am|we'?re|we are) still waiting\b`,
    String.raw`\bstill waiting (?:for|on) (?:the |an |my |your |a )?(?:engineer|technician|reply|answer|call|someone|you)\b`,
    String.raw`\bhow long (?:will|do|must) (?:i|we) (?:have to )?wait\b`,
    String.raw`\bhow long (?:until|till|before) (?:the |an |your )?(?:engineer|technician|someone)\b`,
    String.raw`\b(?:where is|what about) (?:my|the) (?:ticket|repair|engineer|technician)\b`,
    '进度|進度|什么时候来|什麼時候來|什么时候上门|什麼時候上門|几点来|幾點來|有人吗|有人嗎|有人在吗|有人在嗎|还要等多久|還要等多久|等了很久|有消息吗|有消息嗎|怎么还没来|怎麼還沒來|工程师呢|工程師呢|幾時嚟|几时嚟|有冇人|仲要等幾耐|師傅幾時|师傅几时',
  ].join('|'),
  'iu',
);

export function readStatusQuestion(text: string): boolean {
  return isShortReply(text) && STATUS_QUESTION.test(text);
}
