import { publicUser } from '../builders.ts';
import { requireCaller, type Route } from '../core.ts';
import { apiError, json, numericId } from '../http.ts';

export const userRoutes: Route[] = [
  {
    method: 'GET', path: '/users/me', access: 'token',
    handle: (_ctx, caller) => json(requireCaller(caller).seller.user),
  },
  {
    method: 'GET', path: '/users/:id', access: 'token',
    handle: (ctx, _caller, core) => {
      const id = numericId(ctx.params[0], 'bad_request', 'user');
      const user = core.store.seller(id)?.user ?? core.store.buyers.get(id);
      if (!user) throw apiError(404, 'not_found', `User not found: ${id}`);
      return json(publicUser(user));
    },
  },
];
