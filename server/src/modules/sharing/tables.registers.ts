import type { ColumnType, Generated } from 'kysely';

type Json<T> = ColumnType<T, string, string>;

/** Where a field's value came from when not from the row's own source (see `field_sources` on the register tables). */
export type FieldSources = Record<string, { org: string; at: string }>;

/**
 * 一数一源 / 多源校核 and register loading (modules/sharing/load.ts, conflicts.ts, quality.ts):
 * - `register_source`: the designated source department of each (register, field);
 * - `register_observation`: a non-designated source's last value for a field where it disagreed with the register;
 * - `register_conflict`: two sources disagreeing on one field of one record, for the data administrator;
 * - `register_load` / `register_load_reject`: a file or batch loaded by a source department, its progress and rejects;
 * - `register_quality`: completeness and last update per (register, field), computed on jobs (never per request).
 */
export type RegisterLoadTables = {
  register_source: {
    register: string;
    field: string;
    org_id: string;
    updated_at: Generated<Date>;
    updated_by_name: string;
  };
  register_observation: {
    register: string;
    record_key: string;
    field: string;
    org_id: string;
    value: string | null;
    observed_at: Generated<Date>;
  };
  register_conflict: {
    id: string;
    register: string;
    record_key: string;
    field: string;
    /** The value the register holds (or, for a designated source's update, the value it now holds) and whose it is. */
    register_value: string | null;
    register_org_id: string | null;
    /** The other source's value. */
    other_value: string | null;
    other_org_id: string;
    designated_org_id: string | null;
    load_id: string | null;
    raised_at: Generated<Date>;
    status: Generated<'open' | 'resolved'>;
    resolution: Generated<'designated' | 'notify_source' | null>;
    note: Generated<string>;
    resolved_by_name: Generated<string | null>;
    resolved_at: Generated<Date | null>;
  };
  register_load: {
    id: string;
    register: string;
    org_id: string;
    kind: 'file' | 'batch';
    file_name: string;
    encoding: Generated<string | null>;
    columns: Json<string[]>;
    state: 'queued' | 'running' | 'done' | 'failed';
    bytes_total: Generated<number>;
    bytes_read: Generated<number>;
    total: Generated<number>;
    accepted: Generated<number>;
    rejected: Generated<number>;
    inserted: Generated<number>;
    updated: Generated<number>;
    conflicts: Generated<number>;
    error: Generated<string | null>;
    created_by: string;
    created_by_name: string;
    created_at: Generated<Date>;
    started_at: Generated<Date | null>;
    finished_at: Generated<Date | null>;
    heartbeat_at: Generated<Date | null>;
  };
  register_load_reject: {
    load_id: string;
    line: number;
    reason: string;
    raw: string;
  };
  register_quality: {
    register: string;
    field: string;
    total: number;
    non_empty: number;
    last_update: Date | null;
    computed_at: Date;
  };
};
