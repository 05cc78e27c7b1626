import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A passage of a knowledge article, the unit of retrieval; its embedding when an embedder is configured. */
@Entity('knowledge_chunks')
@Index('uq_knowledge_chunks_position', ['articleId', 'position'], { unique: true })
export class KnowledgeChunk {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') articleId: string;
  @Column() position: number;
  @Column('text') text: string;
  @Column({ type: 'real', array: true, nullable: true }) embedding: number[] | null;
  @Column({ type: 'varchar', length: 160, nullable: true }) embeddingModel: string | null;
}
