import type { NestExpressApplication } from '@nestjs/platform-express';
import { RequestMethod } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { LIMITS } from '@parley/shared/domain';
import helmet from 'helmet';
import type { AppConfig } from './core/config/app-config';
import { RealtimeIoAdapter } from './core/realtime/realtime.adapter';
import { AllExceptionsFilter } from './core/errors/all-exceptions.filter';
import { createValidationPipe } from './core/errors/validation';
import { useStructuredLogs } from './core/logging/logger';

/** Everything the HTTP app needs besides its modules; shared by main.ts and the e2e tests. */
export async function createApp(app: NestExpressApplication, config: AppConfig): Promise<NestExpressApplication> {
  useStructuredLogs(app, config);
  const io = new RealtimeIoAdapter(app, config);
  await io.connectCluster();
  app.useWebSocketAdapter(io);
  const outsidePrefix = ['api/health', 'metrics', 'widget.js', 'widget/frame.html', 'widget/:asset', 'demo'];
  app.setGlobalPrefix('api/v1', { exclude: outsidePrefix.map((path) => ({ path, method: RequestMethod.GET })) });
  app.useBodyParser('json', { limit: LIMITS.requestBodyBytes });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new AllExceptionsFilter());
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          // Swagger UI and Angular need inline styles; scripts stay same-origin.
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:'],
          connectSrc: ["'self'", 'ws:', 'wss:'],
        },
      },
    }),
  );
  app.set('trust proxy', 'loopback');
  const doc = new DocumentBuilder().setTitle('Parley API').setDescription('Help desk with AI triage').setVersion('1').addBearerAuth().build();
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, doc), { useGlobalPrefix: false });
  return app;
}
