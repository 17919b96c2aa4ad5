import { familyTests } from "./check";

familyTests("key material and JWTs");
