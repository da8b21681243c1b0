import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DoubleUser } from '../support/bot-api-double.ts';
import { STAFF_CHAT, StaffHarness } from '../support/staff-harness.ts';

/**
 * What the customer is promised about a person depends on whether anyone is told: with a staff
 * chat (STAFF_CHAT_ID) the ticket's confirmation, /human and /forget promise a contact time and
 * say the team was told; without one nobody is, so they give the ticket's number to quote and
 * promise neither. The real bot against the Bot API double, in both configurations.
 */
async function fileWasherFault(h: StaffHarness, customer: DoubleUser) {
  await h.says(
    customer,
    customer.id,
    'The washing machine shows error E21 and the drum does not turn at all, already restarted it twice',
    /What name should the engineer ask for/,
  );
  await h.says(customer, customer.id, 'Alice Wong', /Which phone number/);
  await h.says(customer, customer.id, '+852 9123 4567', /model number/);
  await h.says(customer, customer.id, 'XQG100-B12866', /When did you buy it/);
  await h.says(customer, customer.id, '2025-11-10', /Where should the engineer come/);
  await h.says(customer, customer.id, 'Flat 5B, 12 Nathan Road, Kowloon', /When suits you/);
  await h.says(customer, customer.id, 'tomorrow afternoon', /receipt or invoice/);
  await h.presses(customer, customer.id, /Skip/, /check your service ticket/);
  return h.presses(customer, customer.id, /Confirm/, /Your ticket FL-\d{6}-\d{4} is filed/);
}

describe('with a staff chat: the contact time is promised and the team is said to be told', () => {
  const h = new StaffHarness();
  beforeAll(() => h.start(), 90_000);
  afterAll(() => h.stop(), 30_000);

  it('a ticket filed in service hours: contact within 30 minutes, and what is written meanwhile is passed on', async () => {
    h.advanceTo(10);
    const filed = await fileWasherFault(h, h.customer('Ann'));
    expect(filed.text).toMatch(
      /Our service team will contact you within 30 minutes\. Anything you write here meanwhile is passed on to them\./,
    );
    expect(filed.text).not.toMatch(/quote it when you contact us/);
  });

  it('a ticket filed at night: contact within 30 minutes of opening, by 08:30', async () => {
    h.advanceTo(23);
    const filed = await fileWasherFault(h, h.customer('Ben'));
    expect(filed.text).toMatch(
      /Our service team works 08:00–18:00 and is back at \d{4}-\d{2}-\d{2} 08:00: they will contact you within 30 minutes of opening, by \d{4}-\d{2}-\d{2} 08:30\./,
    );
  });

  it('an edit of a message staff have a copy of: the copy follows, and the customer is told staff see the new version (of a photo: its caption)', async () => {
    const ola = h.customer('Ola');
    const { topicId } = await h.fileTicket(ola);
    // Waiting for a person: the message is copied to the topic and the bot answers it too.
    const copy = await h.says(ola, ola.id, 'the fridge is at 12 degrees', /fridge is at 12/, {
      answerIn: STAFF_CHAT,
      answerTopic: topicId,
    });
    const sent = h.double
      .messages(ola.id)
      .findLast((m) => m.text === 'the fridge is at 12 degrees');
    const after = h.double.botMessages(ola.id).length;
    h.double.edit(ola.id, sent?.message_id as number, 'the fridge is at 14 degrees');
    const told = await h.waitForBot(ola.id, /I saw your edit/, { after });
    expect(told.text).toBe(
      'I saw your edit: our service team sees the new version. I still work with the message as first sent, so send a new message if something changed.',
    );
    await h.double.waitFor(
      () => h.double.message(STAFF_CHAT, copy.message_id).text === 'the fridge is at 14 degrees',
      'the copy edited',
    );

    // A photo's edit: only the caption follows, and the customer is told a replaced photo does not.
    const photoCopy = await h.says(
      ola,
      ola.id,
      { photo: 'thermometer-1', caption: 'the thermometer' },
      /^the thermometer$/,
      { answerIn: STAFF_CHAT, answerTopic: topicId },
    );
    const photo = h.double.messages(ola.id).findLast((m) => m.caption === 'the thermometer');
    const beforePhotoEdit = h.double.botMessages(ola.id).length;
    h.double.edit(ola.id, photo?.message_id as number, 'the thermometer, an hour later');
    const toldPhoto = await h.waitForBot(ola.id, /I saw your edit/, { after: beforePhotoEdit });
    expect(toldPhoto.text).toBe(
      'I saw your edit: our service team sees the new caption. If you replaced the photo or file itself, please send the new one as a new message: the team still has the first.',
    );
    await h.double.waitFor(
      () =>
        h.double.message(STAFF_CHAT, photoCopy.message_id).caption ===
        'the thermometer, an hour later',
      'the copy re-captioned',
    );
  });

  it('/forget asks with "and our team told"', async () => {
    const cat = h.customer('Cat');
    await h.says(cat, cat.id, '/forget', /Open tickets will be cancelled and our team told\./);
  });
});

describe('without a staff chat: no contact time and no "team told", the number to quote instead', () => {
  const h = new StaffHarness();
  beforeAll(() => h.start({ STAFF_CHAT_ID: '' }), 90_000);
  afterAll(() => h.stop(), 30_000);

  it('starts with no staff forum', () => {
    expect(h.config.STAFF_CHAT_ID).toBeUndefined();
    expect(h.frontline.staff.forum).toBeUndefined();
  });

  it('a filed ticket (in hours and at night) gives its number to quote, and promises no contact', async () => {
    h.advanceTo(10);
    const day = await fileWasherFault(h, h.customer('Dan'));
    h.advanceTo(23);
    const night = await fileWasherFault(h, h.customer('Eve'));
    for (const filed of [day, night]) {
      expect(filed.text).toMatch(
        /Your ticket FL-\d{6}-\d{4} is filed\.\nPlease keep this number and quote it when you contact us\./,
      );
      expect(filed.text).not.toMatch(/contact you within|service team|passed on/);
    }
  });

  it.each([
    [
      'en',
      /🙋 I have noted that you would like a person \(ticket FL-\d{6}-\d{4}\): please keep this number and quote it when you contact us\./,
    ],
    [
      'zh-hans',
      /🙋 已记下您希望由人工处理（工单FL-\d{6}-\d{4}）：请保留此工单号，联系我们时请提供。/,
    ],
    ['zh-hk', /🙋 已記下您希望由人工處理（維修單FL-\d{6}-\d{4}）：請保留此維修單號/],
  ] as const)(
    '/human in %s: noted with its number, no person promised',
    async (language, noted) => {
      h.advanceTo(10);
      const customer = h.customer('Fay', language);
      const told = await h.says(customer, customer.id, '/human', noted);
      expect(told.text).not.toMatch(/within|will answer|专人|專人/);
    },
  );

  it('an edit with no copy anywhere: the bot keeps to the first version and says only that', async () => {
    const pat = h.customer('Pat');
    const sent = h.double.send(pat, pat.id, { text: 'hello' });
    await h.waitForBot(pat.id, /./);
    const after = h.double.botMessages(pat.id).length;
    h.double.edit(pat.id, sent.message_id, 'hello there');
    const told = await h.waitForBot(pat.id, /I saw your edit/, { after });
    expect(told.text).toBe(
      'I saw your edit; I work with the message as first sent. Send a new message if something changed.',
    );
  });

  it('/forget with an open ticket: asked and answered without "our team told"', async () => {
    h.advanceTo(10);
    const gus = h.customer('Gus');
    await fileWasherFault(h, gus);
    const asked = await h.says(gus, gus.id, '/forget', /Erase everything we hold about you/);
    expect(asked.text).toMatch(/Open tickets will be cancelled\. Only figures/);
    const done = await h.presses(gus, gus.id, /Yes/, /personal data is erased/);
    expect(done.text).toBe(
      'Done: your personal data is erased, and your open ticket is cancelled.',
    );
  });
});
