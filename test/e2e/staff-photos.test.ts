import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STAFF_CHAT, StaffHarness } from '../support/staff-harness.ts';

/**
 * "Photo saved for the engineer", "the engineer will read the production date on your nameplate
 * photo": the photos the customer sends in the intake reach the ticket's topic, after its card,
 * through the outbox (keyed by the ticket and the topic: sent once), with the real bot against
 * the Bot API double.
 */
describe('the photos a customer sends in the intake reach the ticket topic after the card', () => {
  const h = new StaffHarness();
  beforeAll(() => h.start(), 90_000);
  afterAll(() => h.stop(), 30_000);

  it('a nameplate photo for the model and an invoice photo: the card says the photos have the model, and both photos follow it in the topic, once', async () => {
    const li = h.customer('Li');
    await h.says(
      li,
      li.id,
      'The washing machine shows error E21 and the drum does not turn at all, already restarted it twice',
      /What name should the engineer ask for/,
    );
    await h.says(li, li.id, 'Alice Wong', /Which phone number/);
    await h.says(li, li.id, '+852 9123 4567', /model number/);
    await h.says(li, li.id, { photo: 'nameplate-photo-1' }, /When did you buy it/);
    await h.says(li, li.id, '2025-11-10', /Where should the engineer come/);
    await h.says(li, li.id, 'Flat 5B, 12 Nathan Road, Tsim Sha Tsui, Kowloon', /When suits you/);
    await h.says(li, li.id, 'tomorrow afternoon', /receipt or invoice/);
    await h.says(li, li.id, { photo: 'invoice-photo-1' }, /check your service ticket/);
    const filed = await h.presses(li, li.id, /Confirm/, /Your ticket FL-\d{6}-\d{4} is filed/);
    const number = /FL-\d{6}-\d{4}/.exec(filed.text ?? '')?.[0] as string;
    await h.runJobs();

    const ticket = await h.repos.tickets.getByNumber(number);
    const topicId = (await h.repos.tickets.topicOf(ticket?.id ?? ''))?.topicId as number;
    const album = await h.double.waitFor(() => {
      const photos = h.double.botMessages(STAFF_CHAT, topicId).filter((m) => m.photo);
      return photos.length >= 2 ? photos : undefined;
    }, 'the photos in the topic');
    const [card, ...after] = h.double.botMessages(STAFF_CHAT, topicId);
    // The card first (pinned), saying where the model is; then the photos, as one album.
    expect(card?.pinned).toBe(true);
    expect(card?.text).toMatch(/🏷 Model not typed: see the customer's photos below/);
    expect(card?.text).not.toMatch(/Model - /);
    expect(after.slice(0, 2)).toEqual(album);
    expect(album.map((m) => m.photo?.[0]?.file_id)).toEqual([
      'nameplate-photo-1',
      'invoice-photo-1',
    ]);
    expect(album[0]?.caption).toBe(
      `📷 ${number}: the 2 photos the customer sent (nameplate, invoice or the fault).`,
    );
    expect(new Set(album.map((m) => m.media_group_id)).size).toBe(1);

    // The topic is deleted in the app: the next copy finds it lost, and the new topic gets its own
    // card and the photos once; what was queued for the lost topic is not sent twice.
    h.double.deleteTopic(STAFF_CHAT, topicId);
    await h.says(li, li.id, 'are you there?', /^are you there\?$/, { answerIn: STAFF_CHAT });
    const moved = (await h.repos.tickets.topicOf(ticket?.id ?? ''))?.topicId as number;
    expect(moved).not.toBe(topicId);
    await h.double.waitFor(
      () => h.double.botMessages(STAFF_CHAT, moved).filter((m) => m.photo).length >= 2,
      'the photos in the new topic',
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    const inNew = h.double.botMessages(STAFF_CHAT, moved);
    const newCard = inNew.findIndex((m) => m.pinned && /🏷 Model not typed/.test(m.text ?? ''));
    expect(newCard).toBeGreaterThanOrEqual(0);
    expect(inNew.findIndex((m) => m.photo)).toBeGreaterThan(newCard);
    expect(inNew.filter((m) => m.photo).map((m) => m.photo?.[0]?.file_id)).toEqual([
      'nameplate-photo-1',
      'invoice-photo-1',
    ]);
    expect(h.double.calls.filter((c) => c.method === 'sendMediaGroup')).toHaveLength(2);
  });

  it('a hazard whose product the customer never names: the photo "saved for the engineer" before the product question is kept with the ticket and follows its card', async () => {
    const ann = h.customer('Ann');
    await h.says(ann, ann.id, 'smells like gas in the kitchen', /Which phone number/);
    const saved = await h.says(
      ann,
      ann.id,
      { photo: 'hazard-photo-1' },
      /Photo saved for the engineer/,
    );
    expect(saved.text).toMatch(/Which phone number/);
    await h.says(ann, ann.id, '+852 9123 4567', /Where should the engineer come/);
    await h.says(ann, ann.id, 'Flat 5B, 12 Nathan Road, Kowloon', /What name/);
    await h.says(ann, ann.id, 'Ann Lee', /Which product is it\?/);
    await h.presses(ann, ann.id, /Not sure/, /Urgent ticket — please check/);
    const filed = await h.presses(ann, ann.id, /Confirm/, /FL-\d{6}-\d{4}/);
    const number = /FL-\d{6}-\d{4}/.exec(filed.text ?? '')?.[0] as string;
    await h.runJobs();

    const ticket = await h.repos.tickets.getByNumber(number);
    expect(ticket).toMatchObject({ category: null, priority: 'urgent' });
    const product = await h.repos.tickets.getProduct(ticket?.productId ?? '');
    expect(product).toMatchObject({ category: null, proofPhotoFileIds: ['hazard-photo-1'] });
    const topicId = (await h.repos.tickets.topicOf(ticket?.id ?? ''))?.topicId as number;
    const photo = await h.waitForBot(STAFF_CHAT, /📷/, { topicId });
    expect(photo.photo?.[0]?.file_id).toBe('hazard-photo-1');
    const [card] = h.double.botMessages(STAFF_CHAT, topicId);
    expect(card?.pinned).toBe(true);
    expect(card?.message_id).toBeLessThan(photo.message_id);
    // No product named: no model line on the card.
    expect(card?.text).not.toMatch(/🏷/);
  });

  it('a photo sent during the quick checks is kept and follows the card once the checks are skipped', async () => {
    const bo = h.customer('Bo');
    await h.says(bo, bo.id, 'my fridge is not cooling', /Check 1 of/);
    const kept = await h.says(bo, bo.id, { photo: 'checks-photo-1' }, /Photo kept/);
    expect(kept.text).toMatch(/if we book an engineer, it goes with the ticket/);
    await h.says(bo, bo.id, 'skip the checks', /What name should the engineer ask for/);
    await h.says(bo, bo.id, 'Bo Chan', /Which phone number/);
    await h.says(bo, bo.id, '+852 9123 4567', /model number/);
    await h.says(bo, bo.id, 'BCD-520W', /When did you buy it/);
    await h.says(bo, bo.id, '2025-11-10', /Where should the engineer come/);
    await h.says(bo, bo.id, 'Flat 5B, 12 Nathan Road, Tsim Sha Tsui, Kowloon', /When suits you/);
    await h.says(bo, bo.id, 'tomorrow afternoon', /receipt or invoice/);
    await h.says(bo, bo.id, 'no', /check your service ticket/);
    const filed = await h.presses(bo, bo.id, /Confirm/, /Your ticket FL-\d{6}-\d{4} is filed/);
    const number = /FL-\d{6}-\d{4}/.exec(filed.text ?? '')?.[0] as string;
    await h.runJobs();
    const ticket = await h.repos.tickets.getByNumber(number);
    const topicId = (await h.repos.tickets.topicOf(ticket?.id ?? ''))?.topicId as number;
    const photo = await h.waitForBot(STAFF_CHAT, /📷/, { topicId });
    expect(photo.photo?.[0]?.file_id).toBe('checks-photo-1');
    const [card] = h.double.botMessages(STAFF_CHAT, topicId);
    expect(card?.message_id).toBeLessThan(photo.message_id);
  });

  it('one photo goes alone (sendPhoto), captioned, after the card', async () => {
    const wu = h.customer('Wu');
    const { ticket, topicId } = await h.fileTicket(wu);
    const photo = await h.waitForBot(STAFF_CHAT, /📷/, { topicId });
    expect(photo.photo?.[0]?.file_id).toBe('AgACAgUAAxkBAAIB');
    expect(photo.caption).toBe(
      `📷 ${ticket.number}: the photo the customer sent (nameplate, invoice or the fault).`,
    );
    const [card] = h.double.botMessages(STAFF_CHAT, topicId);
    expect(card?.message_id).toBeLessThan(photo.message_id);
  });
});
