/** The probe of every connection kind, for createConnectionTester. */
import { eventHubsProbe, kafkaProbe } from "./probe-kafka";
import { kinesisProbe } from "./probe-kinesis";
import { mqttProbe } from "./probe-mqtt";
import { natsProbe } from "./probe-nats";
import { rabbitMqProbe } from "./probe-rabbitmq";
import { redisProbe } from "./probe-redis";
import type { Probes } from "./tester";

export const brokerProbes: Probes = {
  kafka: kafkaProbe,
  eventhubs: eventHubsProbe,
  rabbitmq: rabbitMqProbe,
  "nats-jetstream": natsProbe,
  mqtt: mqttProbe,
  "redis-streams": redisProbe,
  kinesis: kinesisProbe,
};
