import type { FastifyInstance } from 'fastify';
import helmet from 'helmet';
import { secureCookies } from '../auth/session.js';
import type { AppContext } from '../context.js';

/** The public pages and images, which other sites (government portals) may embed as images. */
const EMBEDDABLE_PREFIX = '/public/';

/**
 * Security headers on every response (@fastify/helmet): a Content-Security-Policy that runs
 * scripts from this origin only (the web app, the API reference at /api/docs and the public
 * pages load no inline or foreign script), no framing by any page (frame-ancestors 'none' and
 * X-Frame-Options: DENY, against click-jacking), nosniff, a same-origin Referrer-Policy, and
 * HSTS plus upgrade-insecure-requests only when PUBLIC_URL is https — on a plain-http intranet
 * they would break every request. The headers are the same for every response: helmet's
 * middleware is made once here and run on each request (@fastify/helmet made it anew for every
 * request, parsing the policy each time).
 */
export async function installSecurityHeaders(app: FastifyInstance, context: AppContext): Promise<void> {
  const https = secureCookies(context);
  const setHeaders = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        baseUri: ["'self'"],
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        // Ant Design and ECharts write style elements and attributes at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'same-origin' },
    strictTransportSecurity: https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    // Cross-origin isolation would stop nothing here and breaks embedding the public images.
    crossOriginEmbedderPolicy: false,
  });
  app.addHook('onRequest', (request, reply, done) => {
    setHeaders(request.raw, reply.raw, (error?: unknown) =>
      done(error === undefined || error instanceof Error ? error : new Error(String(error))),
    );
  });
  app.addHook('onRequest', async (request, reply) => {
    if (request.url.startsWith(EMBEDDABLE_PREFIX))
      reply.header('cross-origin-resource-policy', 'cross-origin');
  });
}
