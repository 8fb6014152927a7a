-- CreateTable
CREATE TABLE "BrokerCheckpoint" (
    "kind" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "group" TEXT NOT NULL,
    "partition" TEXT NOT NULL,
    "position" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BrokerCheckpoint_pkey" PRIMARY KEY ("kind","source","group","partition")
);
