import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { NotificationPreferencesDto, UpdateNotificationPreferencesRequest } from '@parley/shared/contracts';
import { Observable } from 'rxjs';

export const PREFERENCES_API = { notifications: '/api/v1/notifications/preferences' } as const;

/** The signed-in agent's own choices (any role). */
@Injectable({ providedIn: 'root' })
export class PreferencesApi {
  readonly #http = inject(HttpClient);

  notifications(): Observable<NotificationPreferencesDto> {
    return this.#http.get<NotificationPreferencesDto>(PREFERENCES_API.notifications);
  }

  /** Only the types named change; the answer is every choice as stored. */
  updateNotifications(request: UpdateNotificationPreferencesRequest): Observable<NotificationPreferencesDto> {
    return this.#http.put<NotificationPreferencesDto>(PREFERENCES_API.notifications, request);
  }
}
