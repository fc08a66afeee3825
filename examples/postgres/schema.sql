-- The tables examples/postgres/revenue-per-customer-hour.json reads and writes (psql -f examples/postgres/schema.sql).
CREATE SCHEMA IF NOT EXISTS shop;
CREATE TABLE IF NOT EXISTS shop.customers (id BIGINT PRIMARY KEY, name TEXT NOT NULL);
INSERT INTO shop.customers VALUES (101, 'Ada Lovelace'), (102, 'Grace Hopper'), (103, 'Edsger Dijkstra') ON CONFLICT (id) DO NOTHING;
CREATE TABLE IF NOT EXISTS shop.revenue_per_customer_hour (
  window_start TIMESTAMP(3), window_end TIMESTAMP(3), customer_id BIGINT, name TEXT, revenue NUMERIC(38, 2), orders BIGINT,
  PRIMARY KEY (window_start, customer_id)
);
