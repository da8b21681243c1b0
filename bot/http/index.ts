export { createReadinessCheck, type Readiness, type ReadinessOptions } from './readiness.ts';
export { deriveWebhookSecret, isSameSecret } from './secret.ts';
export {
  type HttpServer,
  HttpServerError,
  type HttpServerOptions,
  startHttpServer,
} from './server.ts';
export { DEFAULT_MAX_BODY_BYTES, SECRET_HEADER, type WebhookOptions } from './webhook.ts';
