-- The tables examples/postgres/stock-per-category.json follows and writes (psql -f examples/postgres/stock-per-category.sql).
-- shop.products is the change stream's table (Debezium sets its REPLICA IDENTITY FULL on first start); shop.stock_per_category
-- is the upsert sink's table, one row per category.
CREATE SCHEMA IF NOT EXISTS shop;
CREATE TABLE IF NOT EXISTS shop.products (id BIGINT PRIMARY KEY, category VARCHAR(40) NOT NULL, price NUMERIC(10, 2) NOT NULL, stock BIGINT NOT NULL);
INSERT INTO shop.products VALUES (1, 'tea', 4.50, 10), (2, 'tea', 6.00, 5), (3, 'coffee', 8.25, 7), (4, 'cocoa', 3.10, 2)
  ON CONFLICT (id) DO NOTHING;
CREATE TABLE IF NOT EXISTS shop.stock_per_category (category VARCHAR(40) PRIMARY KEY, products BIGINT, units BIGINT, stock_value NUMERIC(38, 2));
