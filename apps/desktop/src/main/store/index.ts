export { openLocalStore, type LocalStore, type ListOrdersInput, type OrderPage, type OrderSummary, type OrderDetail, type OpenQuestion, type EarlierQuestion } from './store.ts';
export { RESOURCES, type Resource, type ResourceItem, type Account, type Order, type OrderItem, type Shipment, type Question, type Message, type Answer } from './types.ts';
export { fold } from './search.ts';
