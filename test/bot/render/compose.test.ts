import { describe, expect, it } from 'vitest';
import { composeMessages } from '../../../bot/render/compose.ts';
import type { RenderedReply } from '../../../bot/render/reply.ts';

const inline = (text: string) => ({
  inline_keyboard: [[{ text, callback_data: text }]],
});
const contactKeyboard = {
  keyboard: [[{ text: '📱', request_contact: true }]],
  resize_keyboard: true,
  one_time_keyboard: true,
};

describe('composeMessages (one message per turn)', () => {
  it('joins a turn’s replies as paragraphs with the last reply’s buttons', () => {
    const replies: RenderedReply[] = [
      { text: '这个情况需要工程师上门处理。' },
      { text: '我来为您创建服务工单。' },
      { text: '您的产品什么时候买的？', markup: inline('不知道') },
    ];
    expect(composeMessages(replies)).toEqual([
      {
        text: '这个情况需要工程师上门处理。\n\n我来为您创建服务工单。\n\n您的产品什么时候买的？',
        markup: inline('不知道'),
      },
    ]);
  });

  it('keeps numbered safety steps on their own lines under their heading', () => {
    const replies: RenderedReply[] = [
      { text: '⚠️ 安全第一，請立即這樣做：' },
      { text: '1. 關掉煤氣總掣。' },
      { text: '2. 打開門窗。' },
      { text: '工程師可以打哪個電話？', markup: contactKeyboard },
    ];
    expect(composeMessages(replies)).toEqual([
      {
        text: '⚠️ 安全第一，請立即這樣做：\n1. 關掉煤氣總掣。\n2. 打開門窗。\n\n工程師可以打哪個電話？',
        markup: contactKeyboard,
      },
    ]);
  });

  it('gives the filed ticket a message of its own', () => {
    const replies: RenderedReply[] = [
      { text: 'Sorry to hear that.' },
      {
        text: 'Your ticket FL-261128-0001 is filed.',
        markup: { remove_keyboard: true },
        own: true,
      },
    ];
    expect(composeMessages(replies)).toEqual([
      { text: 'Sorry to hear that.' },
      { text: 'Your ticket FL-261128-0001 is filed.', markup: { remove_keyboard: true } },
    ]);
  });

  it('splits where a reply keyboard asked for earlier would lose to later inline buttons', () => {
    const replies: RenderedReply[] = [
      { text: 'Which phone number?', markup: contactKeyboard },
      { text: 'When did you buy it?', markup: inline('No receipt') },
    ];
    expect(composeMessages(replies)).toEqual([
      { text: 'Which phone number?', markup: contactKeyboard },
      { text: 'When did you buy it?', markup: inline('No receipt') },
    ]);
  });

  it('sends nothing for a turn without replies', () => {
    expect(composeMessages([])).toEqual([]);
  });
});
