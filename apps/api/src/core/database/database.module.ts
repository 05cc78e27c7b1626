import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../config/app-config';
import { dataSourceOptions } from './data-source';

@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        ...dataSourceOptions(config.databaseUrl, config.env.DATABASE_POOL_SIZE),
        // Boot runs migrations (under a lock) before the app starts; never here.
        migrationsRun: false,
        retryAttempts: 0,
      }),
    }),
  ],
})
export class DatabaseModule {}
