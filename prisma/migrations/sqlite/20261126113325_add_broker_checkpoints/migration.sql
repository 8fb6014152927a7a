-- CreateTable
CREATE TABLE "BrokerCheckpoint" (
    "kind" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "group" TEXT NOT NULL,
    "partition" TEXT NOT NULL,
    "position" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("kind", "source", "group", "partition")
);
