CREATE TABLE IF NOT EXISTS __ef_migrations_history (
    migration_id character varying(150) NOT NULL,
    product_version character varying(32) NOT NULL,
    CONSTRAINT pk___ef_migrations_history PRIMARY KEY (migration_id)
);

START TRANSACTION;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261128222622_InitialCreate') THEN
    CREATE TABLE orders (
        id uuid NOT NULL,
        user_id character varying(64) NOT NULL,
        status text NOT NULL,
        progress text NOT NULL,
        status_reason character varying(500),
        created_at timestamp with time zone NOT NULL,
        updated_at timestamp with time zone NOT NULL,
        total numeric,
        currency character(3),
        CONSTRAINT pk_orders PRIMARY KEY (id),
        CONSTRAINT ck_orders_progress CHECK (progress IN ('completed', 'payment_charged', 'placed', 'stock_reserved')),
        CONSTRAINT ck_orders_status CHECK (status IN ('cancelled', 'confirmed', 'failed', 'payment_declined', 'pending', 'rejected'))
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261128222622_InitialCreate') THEN
    CREATE TABLE order_items (
        product_id character varying(64) NOT NULL,
        order_id uuid NOT NULL,
        quantity integer NOT NULL,
        unit_price numeric,
        currency character(3),
        CONSTRAINT pk_order_items PRIMARY KEY (order_id, product_id),
        CONSTRAINT ck_order_items_quantity CHECK (quantity BETWEEN 1 AND 10000),
        CONSTRAINT fk_order_items_orders_order_id FOREIGN KEY (order_id) REFERENCES orders (id) ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261128222622_InitialCreate') THEN
    CREATE INDEX ix_orders_status_updated_at ON orders (status, updated_at);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261128222622_InitialCreate') THEN
    CREATE INDEX ix_orders_user_id_created_at_id ON orders (user_id, created_at DESC, id DESC);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261128222622_InitialCreate') THEN
    INSERT INTO __ef_migrations_history (migration_id, product_version)
    VALUES ('20261128222622_InitialCreate', '10.0.15');
    END IF;
END $EF$;
COMMIT;

START TRANSACTION;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261128230803_OrderIdempotencyKey') THEN
    ALTER TABLE orders ADD idempotency_key character varying(64);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261128230803_OrderIdempotencyKey') THEN
    ALTER TABLE orders ADD request_fingerprint character(64);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261128230803_OrderIdempotencyKey') THEN
    CREATE UNIQUE INDEX ux_orders_user_id_idempotency_key ON orders (user_id, idempotency_key) WHERE idempotency_key IS NOT NULL;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261128230803_OrderIdempotencyKey') THEN
    ALTER TABLE orders ADD CONSTRAINT ck_orders_idempotency CHECK ((idempotency_key IS NULL) = (request_fingerprint IS NULL));
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261128230803_OrderIdempotencyKey') THEN
    INSERT INTO __ef_migrations_history (migration_id, product_version)
    VALUES ('20261128230803_OrderIdempotencyKey', '10.0.15');
    END IF;
END $EF$;
COMMIT;

START TRANSACTION;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261204203818_OrderEventsOutbox') THEN
    CREATE TABLE outbox_messages (
        id uuid NOT NULL,
        order_id uuid NOT NULL,
        type character varying(64) NOT NULL,
        envelope jsonb NOT NULL,
        created_at timestamp with time zone NOT NULL,
        sent_at timestamp with time zone,
        CONSTRAINT pk_outbox_messages PRIMARY KEY (id)
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261204203818_OrderEventsOutbox') THEN
    CREATE INDEX ix_outbox_messages_pending ON outbox_messages (created_at, id) WHERE sent_at IS NULL;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261204203818_OrderEventsOutbox') THEN
    CREATE INDEX ix_outbox_messages_sent_at ON outbox_messages (sent_at) WHERE sent_at IS NOT NULL;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261204203818_OrderEventsOutbox') THEN
    INSERT INTO __ef_migrations_history (migration_id, product_version)
    VALUES ('20261204203818_OrderEventsOutbox', '10.0.15');
    END IF;
END $EF$;
COMMIT;

START TRANSACTION;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261204213914_OrderNeedsAttention') THEN
    ALTER TABLE orders DROP CONSTRAINT ck_orders_progress;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261204213914_OrderNeedsAttention') THEN
    ALTER TABLE orders DROP CONSTRAINT ck_orders_status;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261204213914_OrderNeedsAttention') THEN
    ALTER TABLE orders DROP COLUMN progress;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261204213914_OrderNeedsAttention') THEN
    ALTER TABLE orders ADD CONSTRAINT ck_orders_status CHECK (status IN ('cancelled', 'confirmed', 'failed', 'needs_attention', 'payment_declined', 'pending', 'rejected'));
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261204213914_OrderNeedsAttention') THEN
    INSERT INTO __ef_migrations_history (migration_id, product_version)
    VALUES ('20261204213914_OrderNeedsAttention', '10.0.15');
    END IF;
END $EF$;
COMMIT;

