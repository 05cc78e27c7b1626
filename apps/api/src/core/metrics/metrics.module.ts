import { Controller, Get, Injectable, MiddlewareConsumer, Module, NestMiddleware, NestModule, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { InjectMetric, makeHistogramProvider, PrometheusController, PrometheusModule } from '@willsoto/nestjs-prometheus';
import type { NextFunction, Request, Response } from 'express';
import type { Histogram } from 'prom-client';
import { Public } from '../auth/decorators';

const HTTP_DURATION = 'parley_http_request_duration_seconds';

/** Served at /metrics (outside /api), public like any Prometheus target; keep it behind your network edge. */
@ApiExcludeController()
@Controller()
class MetricsController extends PrometheusController {
  @Public()
  @Get()
  override async index(@Res({ passthrough: true }) response: Response) {
    return super.index(response);
  }
}

@Injectable()
class HttpMetricsMiddleware implements NestMiddleware {
  constructor(@InjectMetric(HTTP_DURATION) private readonly duration: Histogram<string>) {}

  use(req: Request, res: Response, next: NextFunction) {
    const end = this.duration.startTimer();
    res.on('finish', () => {
      // The matched route pattern keeps label cardinality bounded (no ids in labels).
      const route = (req.route?.path as string | undefined) ?? 'unmatched';
      end({ method: req.method, route: `${req.baseUrl ?? ''}${route}`, status: String(res.statusCode) });
    });
    next();
  }
}

@Module({
  imports: [PrometheusModule.register({ path: '/metrics', controller: MetricsController, defaultMetrics: { enabled: true } })],
  providers: [
    makeHistogramProvider({ name: HTTP_DURATION, help: 'HTTP request duration', labelNames: ['method', 'route', 'status'], buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5] }),
    HttpMetricsMiddleware,
  ],
})
export class MetricsModule implements NestModule {
  configure(consumer: MiddlewareConsumer) {
    consumer.apply(HttpMetricsMiddleware).forRoutes('*path');
  }
}
