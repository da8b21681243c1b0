import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STAFF_CHAT, StaffHarness } from '../support/staff-harness.ts';

/**
 * Issue 9, item 2 on the staff side: a purchase date the customer knew only as a month reaches the
 * staff card as a month, marked approximate, with a warranty answer that states no charge the
 * customer may not owe.
 */
describe('the staff card shows a vague purchase date as approximate', () => {
  const h = new StaffHarness();
  beforeAll(() => h.start(), 90_000);
  afterAll(() => h.stop(), 30_000);

  it('carries "last March" (day unknown) to the card as a month, with the answer that depends on the day', async () => {
    const li = h.customer('Li');
    await h.says(
      li,
      li.id,
      // The drain pump is an ordinary part: its 12-month term decides, so March's days differ.
      'washer shows E21 and will not drain, I already cleaned the filter',
      /What name should the engineer ask for/,
    );
    await h.says(li, li.id, 'Alice Wong', /Which phone number/);
    await h.says(li, li.id, '+852 9123 4567', /model number/);
    await h.says(li, li.id, 'XQG100-B12866', /When did you buy it/);
    await h.says(li, li.id, 'last March', /The exact day matters/);
    await h.presses(li, li.id, /I don't know the day/, /Where should the engineer come/);
    await h.says(li, li.id, 'Flat 5B, 12 Nathan Road, Tsim Sha Tsui, Kowloon', /When suits you/);
    await h.says(li, li.id, 'tomorrow afternoon', /receipt or invoice/);
    const review = await h.presses(li, li.id, /Skip/, /check your service ticket/);
    expect(review.text).toContain('Purchase date: about March 2025');
    const filed = await h.presses(li, li.id, /Confirm/, /Your ticket FL-\d{6}-\d{4} is filed/);
    expect(filed.text).toContain('If you bought it on or after 2025-03-10:');
    // A charge is said only for an earlier purchase, as that branch (review10 M9).
    const conditional = (text = '') =>
      text.search(/You pay|Not covered/) > text.indexOf('If you bought it before 2025-03-10:') &&
      text.includes('If you bought it before 2025-03-10:');
    expect(conditional(filed.text)).toBe(true);
    const number = /FL-\d{6}-\d{4}/.exec(filed.text ?? '')?.[0] as string;
    await h.runJobs();

    const ticket = await h.repos.tickets.getByNumber(number);
    const product = await h.repos.tickets.getProduct(ticket?.productId ?? '');
    expect(product).toMatchObject({
      purchaseDate: '2025-03-01',
      purchasePeriod: { from: '2025-03-01', to: '2025-03-31', precision: 'month' },
    });
    const topic = await h.repos.tickets.topicOf(ticket?.id ?? '');
    const [card] = h.double.botMessages(STAFF_CHAT, topic?.topicId as number);
    expect(card?.text).toContain('about March 2025');
    expect(card?.text).toContain('It depends on the exact purchase day');
    expect(conditional(card?.text)).toBe(true);
  });

  it('gives the card the answer the customer got for a likely part: free only if the engineer finds it (review10 H5)', async () => {
    const mo = h.customer('Mo');
    await h.says(
      mo,
      mo.id,
      'fridge not cooling at all, the compressor never starts, already tried another socket',
      /What name should the engineer ask for/,
    );
    await h.says(mo, mo.id, 'Mo Chan', /Which phone number/);
    await h.says(mo, mo.id, '+852 9123 4568', /model number/);
    await h.says(mo, mo.id, 'BCD-520W', /When did you buy it/);
    await h.says(mo, mo.id, '2024-10-01', /Where should the engineer come/);
    await h.says(mo, mo.id, 'Flat 3A, 8 Nathan Road, Kowloon', /When suits you/);
    await h.says(mo, mo.id, 'tomorrow afternoon', /receipt or invoice/);
    await h.presses(mo, mo.id, /Skip/, /check your service ticket/);
    const filed = await h.presses(mo, mo.id, /Confirm/, /Your ticket FL-\d{6}-\d{4} is filed/);
    const number = /FL-\d{6}-\d{4}/.exec(filed.text ?? '')?.[0] as string;
    await h.runJobs();
    const ticket = await h.repos.tickets.getByNumber(number);
    const topic = await h.repos.tickets.topicOf(ticket?.id ?? '');
    const [card] = h.double.botMessages(STAFF_CHAT, topic?.topicId as number);
    for (const text of [filed.text, card?.text]) {
      expect(text).toContain('if the engineer finds the compressor at fault');
      expect(text).toContain('If it is another part: not covered by the warranty.');
      expect(text).not.toMatch(/^Covered by the warranty: free of charge\.$/m);
    }
  });
});
