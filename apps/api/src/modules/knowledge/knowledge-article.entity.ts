import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A page of the business's own knowledge (FAQ, policy). Drafts are grounded in these. */
@Entity('knowledge_articles')
export class KnowledgeArticle {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ length: 300 }) title: string;
  @Column('text') body: string;
  @Column({ type: 'varchar', length: 20, nullable: true }) locale: string | null;
  @Column({ type: 'text', array: true, default: () => "'{}'" }) tags: string[];
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @Index('ix_knowledge_articles_updated_at') @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
