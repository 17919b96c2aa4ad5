import { familyTests } from "./check";

familyTests("source hosting, registries and developer tools");
