import type { NestExpressApplication } from '@nestjs/platform-express';
import { RequestMethod } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { LIMITS } from '@parley/shared/domain';
import helmet from 'helmet';
import { AllExceptionsFilter } from './core/errors/all-exceptions.filter';
import { createValidationPipe } from './core/errors/validation';

/** Everything the HTTP app needs besides its modules; shared by main.ts and the e2e tests. */
export function createApp(app: NestExpressApplication): NestExpressApplication {
  app.setGlobalPrefix('api/v1', { exclude: [{ path: 'api/health', method: RequestMethod.GET }, { path: 'metrics', method: RequestMethod.GET }] });
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
