import type {
  BuyerRecord, ItemScroll, PackRecord, Conversation, ItemRecord, MessageBody, OrderRecord, QuestionRecord, SellerRecord, ShipmentRecord,
} from './model.ts';

/** Id ranges shaped like ML's (16-digit order ids, 11-digit question ids, 9-digit user ids). */
export class IdSequences {
  private user = 241_000_000;
  private buyer = 580_000_000;
  private item = 3_100_000_000;
  private order = 2_000_009_000_000_000;
  private pack = 2_000_005_000_000_000;
  private shipment = 44_100_000_000;
  private question = 13_100_000_000;
  private payment = 91_000_000_000;

  nextUser = (): number => ++this.user;
  nextBuyer = (): number => ++this.buyer;
  nextItem = (): number => ++this.item;
  nextOrder = (): number => ++this.order;
  nextPack = (): number => ++this.pack;
  nextShipment = (): number => ++this.shipment;
  nextQuestion = (): number => ++this.question;
  nextPayment = (): number => ++this.payment;
}

const SEARCH_CACHE_ENTRIES = 32;

export class SandboxStore {
  readonly ids = new IdSequences();
  readonly sellers = new Map<number, SellerRecord>();
  readonly sellersByNickname = new Map<string, SellerRecord>();
  readonly buyers = new Map<number, BuyerRecord>();
  readonly items = new Map<string, ItemRecord>();
  readonly orders = new Map<number, OrderRecord>();
  readonly shipments = new Map<number, ShipmentRecord>();
  readonly questions = new Map<number, QuestionRecord>();
  /** pack id → its orders and shared shipment. */
  readonly packs = new Map<number, PackRecord>();
  /** Conversations that have messages; the others are built on first use (see conversationFor). */
  readonly conversations = new Map<number, Conversation>();
  readonly messages = new Map<string, { body: MessageBody; conversation: Conversation }>();
  readonly scrolls = new Map<string, ItemScroll>();

  seller(id: number): SellerRecord | undefined {
    return this.sellers.get(id);
  }

  sellerByNickname(nickname: string): SellerRecord | undefined {
    return this.sellersByNickname.get(nickname.trim().toLowerCase());
  }

  addSeller(seller: SellerRecord): void {
    const key = seller.nickname.toLowerCase();
    if (this.sellersByNickname.has(key)) throw new Error(`a seller named ${seller.nickname} already exists in this sandbox`);
    this.sellers.set(seller.id, seller);
    this.sellersByNickname.set(key, seller);
  }

  /** Marks a seller's data as changed: every cached search result of that seller is dropped. */
  touch(seller: SellerRecord): void {
    seller.version++;
    seller.searchCache.clear();
  }

  /**
   * Filtered, sorted result of one search query, computed once per data version. A backfill pages through
   * the same query with growing offsets, so every page after the first is a slice.
   */
  cachedSearch<T>(seller: SellerRecord, key: string, compute: () => T[]): readonly T[] {
    const hit = seller.searchCache.get(key);
    if (hit && hit.version === seller.version) return hit.results as readonly T[];
    const results = compute();
    if (seller.searchCache.size >= SEARCH_CACHE_ENTRIES) {
      const oldest = seller.searchCache.keys().next().value;
      if (oldest !== undefined) seller.searchCache.delete(oldest);
    }
    seller.searchCache.set(key, { version: seller.version, results });
    return results;
  }
}
