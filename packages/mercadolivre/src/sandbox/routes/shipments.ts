import { requireCaller, type Route } from '../core.ts';
import { apiError, json, numericId } from '../http.ts';

export const shipmentRoutes: Route[] = [
  {
    method: 'GET', path: '/shipments/:id', access: 'token',
    handle: (ctx, caller, core) => {
      const { seller } = requireCaller(caller);
      const id = numericId(ctx.params[0], 'bad_request', 'shipment');
      const record = core.store.shipments.get(id);
      if (!record) throw apiError(404, 'not_found', `Shipment ${id} not found`);
      if (record.sellerId !== seller.id && record.body.receiver_id !== seller.id) throw apiError(403, 'forbidden', 'User access token invalid for resource');
      return json(record.body);
    },
  },
];
