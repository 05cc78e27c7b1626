export interface LabelDto {
  id: string;
  name: string;
  color: string;
  description: string | null;
}

export interface CreateLabelRequest {
  name: string;
  color?: string;
  description?: string | null;
}

export interface CannedResponseDto {
  id: string;
  shortCode: string;
  content: string;
  createdAt: string;
}

export interface CreateCannedResponseRequest {
  shortCode: string;
  content: string;
}

export interface AuditLogDto {
  id: string;
  actorType: 'agent' | 'contact' | 'system';
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  changes: Record<string, unknown> | null;
  createdAt: string;
}
