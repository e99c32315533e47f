import { type QueryClient, useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import type {
  HouseholdMember as HouseholdMemberSchema,
  ResidentListItem as ResidentListItemSchema,
  Revealed as RevealedSchema,
  Vehicle,
} from "../../contracts/index.js";
import { api } from "../api.js";

/** Households, residents and vehicles: shared by the console's unit drawer and the resident app. */
export type HouseholdMember = z.infer<typeof HouseholdMemberSchema>;
export type HouseholdRole = HouseholdMember["role"];
export type ResidentListItem = z.infer<typeof ResidentListItemSchema>;
export type Revealed = z.infer<typeof RevealedSchema>;
export type PersonalField = Revealed["field"];

export type { Vehicle };
export type VehicleType = Vehicle["type"];
export type VehicleStatus = Vehicle["status"];

export const RESIDENTS_PATH = "/residents";
export const VEHICLES_PATH = "/vehicles";

/** In the order the selects show them. */
export const HOUSEHOLD_ROLES: HouseholdRole[] = ["owner", "tenant", "member"];
export const VEHICLE_TYPES: VehicleType[] = [
  "motorbike",
  "electric_motorbike",
  "car",
  "electric_car",
  "bicycle",
];

/** Query keys start with "household"/"unit-vehicles", so one invalidation refreshes every unit's. */
const householdKey = (unitId: string) => ["household", unitId] as const;
const unitVehiclesKey = (unitId: string) => ["unit-vehicles", unitId] as const;

export function useHousehold(unitId: string) {
  return useQuery({
    queryKey: householdKey(unitId),
    queryFn: () => api.GET("/units/{id}/household", { params: { path: { id: unitId } } }),
  });
}

export function useUnitVehicles(unitId: string) {
  return useQuery({
    queryKey: unitVehiclesKey(unitId),
    queryFn: () => api.GET("/units/{id}/vehicles", { params: { path: { id: unitId } } }),
  });
}

/** After a household changes: its members, the residents list. */
export async function invalidateHousehold(queryClient: QueryClient): Promise<void> {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: ["household"] }),
    queryClient.invalidateQueries({ queryKey: [RESIDENTS_PATH] }),
  ]);
}

/** After a vehicle changes: the units' lists and the approval queue. */
export async function invalidateVehicles(queryClient: QueryClient): Promise<void> {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: ["unit-vehicles"] }),
    queryClient.invalidateQueries({ queryKey: [VEHICLES_PATH] }),
  ]);
}

export const isCurrent = (member: HouseholdMember) => member.movedOutOn === null;

/** Words for households and vehicles in the UI language. */
export function useRegistryWords() {
  const { t } = useTranslation();
  const type = (value: VehicleType) => t(`vehicles.types.${value}`);
  return {
    role: (role: HouseholdRole) => t(`household.roles.${role}`),
    vehicleType: type,
    vehicleStatus: (status: VehicleStatus) => t(`vehicles.statuses.${status}`),
    /** "Xe máy thứ 2" from the second active motorbike on; just "Xe máy" for the first. */
    rankedType: (vehicle: Vehicle) =>
      vehicle.rank && vehicle.rank > 1
        ? t("vehicles.ranked", { type: type(vehicle.type), rank: vehicle.rank })
        : type(vehicle.type),
    plate: (vehicle: Vehicle) => vehicle.plate ?? t("vehicles.noPlate"),
    field: (field: PersonalField) => t(`household.fields.${field}`),
  };
}

/** Tones of StatusBadge per vehicle status. */
export const VEHICLE_TONES = { pending: "waiting", active: "positive", inactive: "inactive" } as const;
/** Tones of household role badges. */
export const ROLE_COLORS = { owner: "blue.9", tenant: "grape.9", member: "gray.7" } as const;
