import { familyTests } from "./check";

familyTests("service-named keys (context rows)");
