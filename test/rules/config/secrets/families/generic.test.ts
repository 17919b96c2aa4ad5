import { familyTests } from "./check";

familyTests("named credentials, URLs and header schemes");
