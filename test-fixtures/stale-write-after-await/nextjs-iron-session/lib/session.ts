// The project's session options, shared by the routes.
export interface SessionData {
  userId?: string;
  customerId?: string;
  plan?: string;
  lastSync?: number;
}

export const sessionOptions = {
  password: process.env.SECRET_COOKIE_PASSWORD as string,
  cookieName: 'shop-session',
  cookieOptions: { secure: process.env.NODE_ENV === 'production' },
};
