// kinesalite as a server process of its own (the brokers bench: a broker does not share the event loop of
// the client it is measured against). Prints PORT=<n> once listening; exits with its parent's stdin.
import kinesalite from "kinesalite";

const server = kinesalite({ createStreamMs: 0, deleteStreamMs: 0, updateStreamMs: 0, shardLimit: 100 });
server.listen(0, "127.0.0.1", () => console.log(`PORT=${server.address().port}`));
process.stdin.on("end", () => process.exit(0));
process.stdin.resume();
