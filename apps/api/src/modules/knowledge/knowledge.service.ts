import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { NotFoundException } from '../../core/errors/app.exception';
import { KnowledgeArticle } from './knowledge-article.entity';

@Injectable()
export class KnowledgeService {
  constructor(@InjectRepository(KnowledgeArticle) private readonly articles: Repository<KnowledgeArticle>) {}

  list(): Promise<KnowledgeArticle[]> {
    return this.articles.find({ order: { updatedAt: 'DESC' }, take: 500 });
  }

  async get(id: string): Promise<KnowledgeArticle> {
    const a = await this.articles.findOne({ where: { id } });
    if (!a) throw new NotFoundException('Knowledge article', id);
    return a;
  }
}
