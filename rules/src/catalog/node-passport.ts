import type { NodePassport } from '../../../core/src';

/**
 * passport and its strategy packages, as data: the name each registers under by default and
 * whether its `authenticate()` talks to the provider. The OAuth 1/2 strategies exchange the
 * callback's code for tokens (`oauth`'s `getOAuthAccessToken()`, an HTTPS request) and most
 * then fetch the user's profile; openid-client's strategy calls the token endpoint (and
 * userinfo). `passport-local` checks a password through the project's own verify function and
 * `passport-jwt` verifies a token locally: no round trip of their own.
 */
export const nodePassport: NodePassport = {
  modules: ['passport', 'koa-passport', '@fastify/passport'],
  register: 'use',
  authenticate: 'authenticate',
  strategyExports: ['Strategy', 'OAuth2Strategy', 'OAuthStrategy', 'default', '*'],
  strategies: [
    { modules: ['passport-google-oauth20', 'passport-google-oauth2'], name: 'google', exchange: true },
    { modules: ['passport-github2', 'passport-github'], name: 'github', exchange: true },
    { modules: ['passport-gitlab2'], name: 'gitlab', exchange: true },
    { modules: ['passport-facebook'], name: 'facebook', exchange: true },
    { modules: ['passport-twitter'], name: 'twitter', exchange: true },
    { modules: ['passport-discord'], name: 'discord', exchange: true },
    { modules: ['passport-microsoft'], name: 'microsoft', exchange: true },
    { modules: ['passport-azure-ad-oauth2'], name: 'azure_ad_oauth2', exchange: true },
    { modules: ['passport-oauth2', 'passport-oauth'], name: 'oauth2', exchange: true },
    { modules: ['passport-openidconnect'], name: 'openidconnect', exchange: true },
    { modules: ['openid-client', 'openid-client/passport'], name: 'oidc', exchange: true },
    { modules: ['passport-local'], name: 'local', exchange: false },
    { modules: ['passport-jwt'], name: 'jwt', exchange: false },
    { modules: ['passport-http-bearer'], name: 'bearer', exchange: false },
    { modules: ['passport-anonymous'], name: 'anonymous', exchange: false },
  ],
};
