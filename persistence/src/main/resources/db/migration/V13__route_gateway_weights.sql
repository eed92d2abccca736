-- A route may share its calls among its gateways by weight (1 to 1000) instead of trying them in
-- order. A route is weighted when each of its gateways has a weight; rows written before stay NULL,
-- so the routes stored until now keep their ordered failover.
ALTER TABLE outbound_route_gateways ADD COLUMN weight INT;
