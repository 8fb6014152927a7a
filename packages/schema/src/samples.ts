import ordersDemo from "../fixtures/orders-demo.json";
import { FlowFileSchema, type FlowFile } from "./flow";

/** The flow seeded on first start, so a newcomer sees events moving at once. Parsed: the fixture is data. */
export const ORDERS_DEMO: FlowFile = FlowFileSchema.parse(ordersDemo);
