import { familyTests } from "./check";

familyTests("cloud and infrastructure");
