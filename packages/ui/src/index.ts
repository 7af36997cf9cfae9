export { Button, Input, Card, Table, Badge, EmptyState, PageHeader, type ButtonProps, type InputProps, type BadgeTone } from './components.tsx';
export { Price } from './price.tsx';
export { formatMoney, formatPriceRange } from './money.ts';
export { baseCss } from './styles.ts';
