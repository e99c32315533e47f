import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  Amenity,
  AmenityBody,
  AmenityList,
  AmenityListQuery,
  AmenityPatch,
  Booking,
  BookingBody,
  BookingList,
  BookingListQuery,
  CancelBookingBody,
  Closure,
  ClosureBody,
  ClosureList,
  DepositBody,
  SlotList,
  SlotsQuery,
} from "../../../contracts/amenities.js";
import { IdParams, NoContent, PageQuery, Uuid } from "../../../contracts/common.js";
import * as amenities from "./amenities.service.js";
import * as bookings from "./bookings.service.js";
import * as closures from "./closures.service.js";

const tags = ["amenities"];
const read = { permission: ["read", "amenity"] } as const;
const manage = { permission: ["update", "amenity"] } as const;
const readBookings = { permission: ["read", "booking"] } as const;
const desk = { permission: ["desk", "booking"] } as const;

export const amenityRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/amenities",
    {
      schema: {
        summary: "Amenities",
        description:
          "The desk: the amenities of the buildings it covers. A resident: the active amenities of their buildings.",
        tags,
        querystring: AmenityListQuery,
        response: { 200: AmenityList },
      },
      config: read,
    },
    async (req) => req.run((ctx) => amenities.listAmenities(ctx, req.query)),
  );

  app.post(
    "/amenities",
    {
      schema: {
        summary: "Add an amenity",
        description:
          "Opening hours, slot length and capacity, fee and deposit, monthly limit per unit, who may book.",
        tags,
        body: AmenityBody,
        response: { 201: Amenity },
      },
      config: manage,
    },
    async (req, reply) =>
      reply.status(201).send(await req.run((ctx) => amenities.createAmenity(ctx, req.body))),
  );

  app.get(
    "/amenities/:id",
    {
      schema: {
        summary: "An amenity",
        description: "Its hours, slots, fee and deposit, limits and rules; what the asker may do with it.",
        tags,
        params: IdParams,
        response: { 200: Amenity },
      },
      config: read,
    },
    async (req) => req.run((ctx) => amenities.getAmenity(ctx, req.params.id)),
  );

  app.patch(
    "/amenities/:id",
    {
      schema: {
        summary: "Change an amenity",
        description: "Bookings made stay as they were made (their fee and deposit too).",
        tags,
        params: IdParams,
        body: AmenityPatch,
        response: { 200: Amenity },
      },
      config: manage,
    },
    async (req) => req.run((ctx) => amenities.updateAmenity(ctx, req.params.id, req.body)),
  );

  app.get(
    "/amenities/:id/slots",
    {
      schema: {
        summary: "A day's slots",
        description:
          "Each slot of the day (Vietnam's calendar) with the places left, its waitlist, and the household's own booking.",
        tags,
        params: IdParams,
        querystring: SlotsQuery,
        response: { 200: SlotList },
      },
      config: read,
    },
    async (req) => req.run((ctx) => amenities.daySlots(ctx, req.params.id, req.query.date)),
  );

  app.get(
    "/amenities/:id/closures",
    {
      schema: {
        summary: "Closures to come",
        description: "The times the amenity is closed that are not over yet, the earliest first.",
        tags,
        params: IdParams,
        response: { 200: ClosureList },
      },
      config: read,
    },
    async (req) => req.run((ctx) => closures.listClosures(ctx, req.params.id)),
  );

  app.post(
    "/amenities/:id/closures",
    {
      schema: {
        summary: "Close an amenity for a time",
        description:
          "Maintenance or an event: the bookings inside are cancelled, nothing charged, and the households told.",
        tags,
        params: IdParams,
        body: ClosureBody,
        response: { 201: Closure.extend({ cancelledBookings: z.number().int() }) },
      },
      config: manage,
    },
    async (req, reply) =>
      reply.status(201).send(await req.run((ctx) => closures.addClosure(ctx, req.params.id, req.body))),
  );

  app.delete(
    "/amenities/:id/closures/:closureId",
    {
      schema: {
        summary: "Reopen early",
        description: "Removes a closure (the bookings it cancelled stay cancelled).",
        tags,
        params: IdParams.extend({ closureId: Uuid }),
        response: { 204: NoContent },
      },
      config: manage,
    },
    async (req, reply) => {
      await req.run((ctx) => closures.removeClosure(ctx, req.params.id, req.params.closureId));
      return reply.status(204).send(null);
    },
  );

  app.post(
    "/bookings",
    {
      schema: {
        summary: "Book a slot",
        description:
          "For one of the resident's units. A full slot answers SLOT_FULL, or with `waitlist: true` a place on its waitlist. The fee and deposit go on the unit's fee notice of the slot's month.",
        tags,
        body: BookingBody,
        response: { 201: Booking },
      },
      config: { permission: ["book", "amenity"] },
    },
    async (req, reply) => reply.status(201).send(await req.run((ctx) => bookings.book(ctx, req.body))),
  );

  app.get(
    "/bookings",
    {
      schema: {
        summary: "Bookings at the desk",
        description:
          "The bookings of the buildings the desk covers: by day, amenity, status, or deposits to settle.",
        tags,
        querystring: BookingListQuery,
        response: { 200: BookingList },
      },
      config: desk,
    },
    async (req) => req.run((ctx) => bookings.listBookings(ctx, req.query)),
  );

  app.get(
    "/me/bookings",
    {
      schema: {
        summary: "My household's bookings",
        description: "Those to come and those of the last 30 days, latest first, with their check-in code.",
        tags,
        querystring: PageQuery,
        response: { 200: BookingList },
      },
      config: readBookings,
    },
    async (req) => req.run((ctx) => bookings.myBookings(ctx, req.query)),
  );

  app.post(
    "/bookings/:id/cancel",
    {
      schema: {
        summary: "Cancel a booking",
        description:
          "By the household (the fee comes back before the amenity's cancellation window, the deposit always) or by the desk (nothing charged). The slot's waitlist moves up.",
        tags,
        params: IdParams,
        body: CancelBookingBody,
        response: { 200: Booking },
      },
      config: { permission: ["cancel", "booking"] },
    },
    async (req) => req.run((ctx) => bookings.cancelBooking(ctx, req.params.id, req.body)),
  );

  app.post(
    "/bookings/:id/check-in",
    {
      schema: {
        summary: "Check a booking in",
        description:
          "At reception, with the booking's code or QR: from 30 minutes before its start until its end.",
        tags,
        params: IdParams,
        response: { 200: Booking },
      },
      config: { permission: ["checkIn", "booking"] },
    },
    async (req) => req.run((ctx) => bookings.checkIn(ctx, req.params.id)),
  );

  app.post(
    "/bookings/:id/deposit",
    {
      schema: {
        summary: "Settle a deposit",
        description:
          "Once the slot is over: refund it (a credit on the unit's next fee notice) or keep it with a reason.",
        tags,
        params: IdParams,
        body: DepositBody,
        response: { 200: Booking },
      },
      config: { permission: ["settleDeposit", "booking"] },
    },
    async (req) => req.run((ctx) => bookings.settleDeposit(ctx, req.params.id, req.body)),
  );
};
