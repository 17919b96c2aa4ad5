import { familyTests } from "./check";

familyTests("chat, payments, AI, mail and observability");
