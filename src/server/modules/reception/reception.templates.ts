import { defineTemplate } from "../notifications/index.js";

/** A parcel for the household is at reception: the code to collect it is in the app, never in the message. */
export const parcelArrivedTemplate = defineTemplate<{ unit: string; carrier: string }>({
  key: "reception.parcel",
  category: "building",
  vi: (d) => ({
    title: `Có bưu phẩm cho căn ${d.unit} tại quầy lễ tân`,
    body: `${d.carrier} đã giao một bưu phẩm. Mở ứng dụng để xem mã nhận và đưa mã cho lễ tân khi đến lấy.`,
    short: `Bưu phẩm (${d.carrier}) cho căn ${d.unit} đang ở quầy lễ tân. Xem mã nhận trong ứng dụng.`,
  }),
  en: (d) => ({
    title: `A parcel for unit ${d.unit} is at reception`,
    body: `${d.carrier} delivered a parcel. Open the app for the pickup code and show it at reception.`,
    short: `A parcel (${d.carrier}) for unit ${d.unit} is at reception. The pickup code is in the app.`,
  }),
});

/** A parcel still waiting after some days. */
export const parcelWaitingTemplate = defineTemplate<{ unit: string; carrier: string; days: number }>({
  key: "reception.parcel_waiting",
  category: "building",
  vi: (d) => ({
    title: `Bưu phẩm của căn ${d.unit} đã chờ ${d.days} ngày`,
    body: `Bưu phẩm ${d.carrier} vẫn ở quầy lễ tân. Mời bạn đến nhận với mã trong ứng dụng.`,
    short: `Bưu phẩm ${d.carrier} của căn ${d.unit} đã chờ ${d.days} ngày tại quầy lễ tân.`,
  }),
  en: (d) => ({
    title: `The parcel for unit ${d.unit} has waited ${d.days} days`,
    body: `The ${d.carrier} parcel is still at reception. Collect it with the code in the app.`,
    short: `The ${d.carrier} parcel for unit ${d.unit} has waited ${d.days} days at reception.`,
  }),
});

/** The resident's guest checked in at reception. */
export const guestArrivedTemplate = defineTemplate<{ guest: string; guests: number }>({
  key: "reception.guest",
  category: "building",
  vi: (d) => ({
    title: `Khách của bạn đã đến: ${d.guest}`,
    body:
      d.guests > 1
        ? `${d.guest} và ${d.guests - 1} người đi cùng đã vào tòa nhà.`
        : `${d.guest} đã vào tòa nhà.`,
  }),
  en: (d) => ({
    title: `Your guest has arrived: ${d.guest}`,
    body:
      d.guests > 1
        ? `${d.guest} and ${d.guests - 1} more came into the building.`
        : `${d.guest} came into the building.`,
  }),
});

export const receptionTemplates = [parcelArrivedTemplate, parcelWaitingTemplate, guestArrivedTemplate];
